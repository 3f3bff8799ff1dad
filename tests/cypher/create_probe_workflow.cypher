// A probe for the proposal workflow, every node marked with `probe`: an organization, the
// people of each role ($people: id, handle, membership role or null, platform roles), an S3
// area and competences (`broader` names the competence a narrower one sits under), and the
// interests and skills that match people with proposals ($interests, $skills: user, target).
CREATE (o:Organization:Probe {id: $organization, name: 'Workflow ' + $probe, kind: 'SME',
                              country: 'IT', probe: $probe})
WITH o
CALL (o) {
  UNWIND $people AS person
  CREATE (u:User:Probe {id: person.id, handle: person.handle, displayName: person.handle,
                        platformRoles: person.platformRoles, createdAt: datetime(),
                        probe: $probe})
  WITH o, u, person
  WHERE person.membership IS NOT NULL
  CREATE (u)-[:MEMBER_OF {role: person.membership, since: date()}]->(o)
}
CALL () {
  UNWIND $areas AS area
  CREATE (:S3Area:Probe {id: area, code: 'P-' + area, nameEn: 'Probe area', nameIt: 'Area',
                         period: '2021-2027', probe: $probe})
}
CALL () {
  UNWIND $competences AS competence
  CREATE (:Competence:Probe {id: competence.id, name: 'Probe ' + competence.id,
                             nameIt: 'Prova', probe: $probe})
}
CALL () {
  UNWIND $competences AS competence
  MATCH (narrow:Competence {id: competence.id}), (broad:Competence {id: competence.broader})
  CREATE (narrow)-[:BROADER]->(broad)
}
CALL () {
  UNWIND $interests AS interest
  MATCH (u:User {id: interest.user})
  CALL (interest) {
    MATCH (x:S3Area {id: interest.target}) RETURN x
    UNION MATCH (x:Competence {id: interest.target}) RETURN x
  }
  CREATE (u)-[:INTERESTED_IN]->(x)
}
CALL () {
  UNWIND $skills AS skill
  MATCH (u:User {id: skill.user}), (c:Competence {id: skill.competence})
  CREATE (u)-[:HAS_SKILL {level: 'EXPERT'}]->(c)
}
