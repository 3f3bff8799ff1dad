// Filter of the communities connection, as Conditions (schema/loading.py): one condition per
// paragraph, applied only when its parameters are given; a MATCH paragraph is a pattern the
// community must be part of, from whose named node the planner may start. A parent the viewer
// may not see (community_visible) reads as one that does not exist: it has no sub-communities
// to list.
n.kind IN $kinds

n.access IN $access

MATCH (n)-[:FOCUSES_ON]->(:S3Area {id: $s3Area})

MATCH (n)-[:PART_OF]->(:Community {id: $parent})

EXISTS {
  MATCH (parent:Community {id: $parent})
  WHERE {{rule communities/community_visible(parent)}}
}

toLower(n.name) CONTAINS toLower($nameContains)
