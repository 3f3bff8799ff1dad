// Record one applied migration (idempotent: the name is unique).
MERGE (m:Migration {name: $name})
ON CREATE SET m.checksum = $checksum, m.appliedAt = datetime()
RETURN m.name AS name
