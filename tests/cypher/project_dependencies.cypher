// The DEPENDS_ON relationships among the activities of project $project, as id pairs.
MATCH (:Project {id: $project})<-[:PART_OF]-(a:Activity)-[:DEPENDS_ON]->(b:Activity)
RETURN a.id AS activity, b.id AS dependsOn
