// The actors who worked with actor `$actorId` (an organization, or a person) on the same
// projects: one page of them, heaviest collaboration first, and how many there are; `found`
// says whether the actor exists for the viewer. `label` (Organization or User), `tie` (its
// tie to projects: PARTNER_IN or WORKS_ON), `actor_visible` and `visible` (the label's
// visibility rule on `actor` and on `other`), `window` (the projects counted, on `n`),
// `projection`, `sort` (on `weight`) and the keyset fragments are fixed by the code
// (schema/network/collaborators.py); values are parameters. The weight is the number of
// projects shared in the window; their ids and S3 areas are read for the page only, and only
// when `$withShared` (the selection shows them).
OPTIONAL MATCH (actor:{{label}} {id: $actorId})
WHERE {{actor_visible}}
CALL (actor) {
  MATCH (actor)-[mine:{{tie}}]->(n:Project)<-[theirs:{{tie}}]-(other:{{label}})
  WHERE other <> actor
    AND {{rule network/tie_confirmed(mine)}} AND {{rule network/tie_confirmed(theirs)}}
    AND {{window}} AND {{visible}}
  WITH other, collect(DISTINCT n) AS projects
  WITH other, projects, size(projects) AS weight
  RETURN collect({node: other, projects: projects, weight: weight, sortKey: {{sort}}})
    AS matches
}
CALL (matches) {
  UNWIND matches AS match
  WITH match.node AS n, match.projects AS projects, match.weight AS weight,
       match.sortKey AS sortKey
  WHERE $cursorId IS NULL
     OR sortKey {{cmp}} {{cursor_key}}
     OR (sortKey = {{cursor_key}} AND n.id {{cmp}} $cursorId)
  WITH n, projects, weight, sortKey
  ORDER BY sortKey {{direction}}, n.id {{direction}}
  LIMIT $limit
  RETURN collect({
    node: n { {{projection}} }, sortKey: sortKey, weight: weight,
    projects: COLLECT {
      UNWIND CASE WHEN $withShared THEN projects ELSE [] END AS shared
      WITH shared ORDER BY shared.startDate DESC, shared.id
      RETURN shared.id
    },
    areas: COLLECT {
      UNWIND CASE WHEN $withShared THEN projects ELSE [] END AS shared
      MATCH (shared)-[:TAGGED]->(area:S3Area)
      WITH DISTINCT area ORDER BY area.code
      RETURN area.id
    }
  }) AS items
}
RETURN actor IS NOT NULL AS found, items, size(matches) AS totalCount
