// Filter of the proposals connections, as Conditions (schema/loading.py): one condition per
// paragraph, applied only when its parameters are given; a MATCH paragraph is a pattern the
// proposal must be part of, which lets the planner start from the node it names (a keyword
// has a few hundred of the 16,000 proposals). A competence matches proposals seeking it or a
// narrower one; open proposals are published ones whose closing day (`closesOn`: the
// deadline, or 9999-12-31 without one) is today or later, one range of the (status,
// closesOn) index; deadline bounds are strict and skip proposals without one.
n.kind IN $kinds

n.origin IN $origins

n.status IN $statuses

$openOnly AND n.status = 'PUBLISHED' AND n.closesOn >= date()

n.deadline < $deadlineBefore

// Implied by the two conditions above, but as one range the planner seeks it in the
// (status, closesOn) index: "open, closing before" reads only the proposals it returns.
$openOnly AND n.closesOn >= date() AND n.closesOn < $deadlineBefore

n.deadline > $deadlineAfter

$collaborationType IN n.collaborationTypes

n.developmentStage = $developmentStage

n.country = $country

MATCH (n)-[:TAGGED]->(:S3Area {id: $s3Area})

// With another pattern (an area, a keyword, an organization), the competence's narrower ones
// are found first and joined with the proposals that pattern leaves, on the competence sought:
// left to itself the planner walks up from every competence those proposals seek (open
// proposals of the benchmark's area: 811 walks, 1.4-1.5× the time; beside a keyword the two
// plans take about the same). Alone, the hint is dropped (schema/loading.py Conditions):
// starting from the competence is then the better plan, and the join took twice the time.
MATCH (n)-[:SEEKS]->(sought:Competence) ((:Competence)-[:BROADER]->(:Competence)){0,}
      (:Competence {id: $competence})
USING JOIN ON sought

MATCH (n)-[:HAS_KEYWORD]->(:Keyword {id: $keyword})

MATCH (n)<-[:PROPOSED]-(:Organization {id: $proposingOrganization})
