// The people linked to the external identity ($issuer, $subject), and how many identities
// carry it (the constraint keeps that at one).
OPTIONAL MATCH (identity:ExternalIdentity {issuer: $issuer, subject: $subject})
OPTIONAL MATCH (identity)<-[:IDENTIFIED_BY]-(user:User)
RETURN count(DISTINCT identity) AS identities, collect(user.id) AS users,
       collect(user.handle) AS handles, collect(user.email) AS emails
