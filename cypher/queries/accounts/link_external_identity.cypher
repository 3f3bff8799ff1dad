// The person who signs in as the subject $subject of the external issuer $issuer, linked on
// first use: to the person whose email is $verifiedEmailKey (an email the issuer verified;
// null when none), else to a new person $newId named $displayName with the first of $handles
// that nobody holds. The identity's (issuer, subject) is unique-constrained, so concurrent
// first uses meet on one identity and one person; repeating this changes nothing. No event:
// sessions and credentials are not platform content.
MERGE (identity:ExternalIdentity {issuer: $issuer, subject: $subject})
  ON CREATE SET identity.email = $email, identity.createdAt = datetime()
WITH identity
OPTIONAL MATCH (identity)<-[:IDENTIFIED_BY]-(linked:User)
OPTIONAL MATCH (sameEmail:User {emailKey: $verifiedEmailKey})
CALL (identity, linked, sameEmail) {
  WITH identity, linked, sameEmail
  WHERE linked IS NULL
  WITH identity, sameEmail,
       [handle IN $handles WHERE NOT EXISTS { MATCH (:User {handleKey: toLower(handle)}) }][0]
         AS freeHandle
  MERGE (user:User {id: coalesce(sameEmail.id, $newId)})
    ON CREATE SET user.handle = freeHandle, user.handleKey = toLower(freeHandle),
      user.displayName = $displayName, user.email = $verifiedEmail,
      user.emailKey = $verifiedEmailKey, user.createdAt = datetime()
  MERGE (user)-[:IDENTIFIED_BY]->(identity)
}
WITH identity
MATCH (identity)<-[:IDENTIFIED_BY]-(user:User)
RETURN user.id AS userId
LIMIT 1
