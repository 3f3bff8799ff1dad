// Everything about proposal $id that its mutations may change: its properties, who proposed
// it, the competences it seeks, its S3 areas and its expressions of interest.
MATCH (p:Proposal {id: $id})
RETURN properties(p) AS properties,
       [(p)<-[:PROPOSED]-(x) | labels(x)[0] + ':' + x.id] AS proposers,
       [(p)-[:SEEKS]->(c) | c.id] AS seeks,
       [(p)-[:TAGGED]->(a) | a.id] AS areas,
       [(p)<-[:FOR]-(e:ExpressionOfInterest) | properties(e)] AS interests
