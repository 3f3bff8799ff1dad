// The person who signs in as the subject $subject of the external issuer $issuer, if linked.
MATCH (:ExternalIdentity {issuer: $issuer, subject: $subject})<-[:IDENTIFIED_BY]-(user:User)
RETURN user.id AS userId
