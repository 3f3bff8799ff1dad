// The migrations recorded as applied, with the checksum of the file when it was applied.
MATCH (m:Migration)
RETURN m.name AS name, m.checksum AS checksum
ORDER BY name
