// The names of competences and the codes of S3 areas, by id.
UNWIND $ids AS wanted
CALL (wanted) {
  MATCH (c:Competence {id: wanted}) RETURN c.id AS id, c.name AS name, null AS code
  UNION
  MATCH (a:S3Area {id: wanted}) RETURN a.id AS id, null AS name, a.code AS code
}
RETURN id, name, code
