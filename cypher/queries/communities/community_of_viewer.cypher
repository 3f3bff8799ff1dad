// Whether community `n` is one the viewer belongs to or is invited to: a write finds it through
// the viewer's own membership, whatever the community's access.
EXISTS {
  MATCH (n)<-[membership:MEMBER_OF]-(:User {id: $viewerId})
  WHERE membership.status IN ['ACTIVE', 'INVITED']
}
