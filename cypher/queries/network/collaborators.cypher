// The actors who worked with actor `$actorId` (an organization, or a person) on the same
// projects: one page of them, heaviest collaboration first, and, when `$withTotal`, how many
// there are; `found` says whether the actor exists for the viewer. `label` (Organization or
// User), `actor_visible` (the label's visibility rule on `actor`), `collaborations`
// (network/collaborations: the projects `n` the actor shared with `other`), `shared` (the
// projects shared, `collect(DISTINCT n)`, when the selection shows them; else `[]`), `sort`
// (on `weight`), `page` (network/collaborator_page), `cut` (the same page, or nothing when
// the total is counted) and `projection` (the fields shown) are fixed by the code
// (schema/network/collaborators.py); values are parameters.
//
// The weight is the number of projects shared. Unless the total is asked, the collaborators
// are ranked and cut to the page (`cut`) as soon as they are weighed, so that only the page's
// are kept in order and read: their fields, and the ids and S3 areas of the projects shared
// (`shared` is collected while weighing, for every collaborator, when shown). Counting them
// all keeps every one until the page is taken.
OPTIONAL MATCH (actor:{{label}} {id: $actorId})
WHERE {{actor_visible}}
CALL (actor) {
  MATCH {{collaborations}}
  WITH other, count(DISTINCT n) AS weight, {{shared}} AS shared
  WITH other, weight, shared, {{sort}} AS sortKey
  {{cut}}
  RETURN collect({other: other, weight: weight, shared: shared, sortKey: sortKey}) AS matches
}
CALL (matches) {
  UNWIND matches AS match
  WITH match.other AS other, match.weight AS weight, match.shared AS shared,
       match.sortKey AS sortKey
  {{page}}
  WITH other AS n, weight, sortKey, shared
  RETURN collect({
    node: n { {{projection}} }, sortKey: sortKey, weight: weight,
    projects: COLLECT {
      UNWIND shared AS project
      WITH project ORDER BY project.startDate DESC, project.id
      RETURN project.id
    },
    areas: COLLECT {
      UNWIND shared AS project
      MATCH (project)-[:TAGGED]->(area:S3Area)
      WITH DISTINCT area ORDER BY area.code
      RETURN area.id
    }
  }) AS items
}
RETURN actor IS NOT NULL AS found, items,
  CASE WHEN $withTotal THEN size(matches) END AS totalCount
