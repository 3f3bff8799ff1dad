// Filter of the competences connection, as Conditions (schema/loading.py): one condition per
// paragraph, applied only when its parameters are given. All, the top level (`$topLevel`
// true) or the narrower ones (false), or the children of one competence; a name in either
// language, in any case.
MATCH (n)-[:BROADER]->(:Competence {id: $broader})

$topLevel = (NOT EXISTS { (n)-[:BROADER]->(:Competence) })

toLower(n.name) CONTAINS toLower($nameContains)
OR toLower(n.nameIt) CONTAINS toLower($nameContains)
