// How many users there are, optionally in one province.
MATCH (u:User)
WHERE $province IS NULL OR u.province = $province
RETURN count(u) AS n
