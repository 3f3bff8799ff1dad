// Filter of the competences connection: all, the top level, or the children of one competence.
($broader IS NULL OR EXISTS { (n)-[:BROADER]->(:Competence {id: $broader}) })
AND ($topLevel IS NULL OR $topLevel = (NOT EXISTS { (n)-[:BROADER]->(:Competence) }))
AND ($nameContains IS NULL
     OR toLower(n.name) CONTAINS toLower($nameContains)
     OR toLower(n.nameIt) CONTAINS toLower($nameContains))
