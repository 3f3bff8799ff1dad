// Communities the viewer may see: OPEN and RESERVED ones (a reserved community must be found to
// request to join it); a CLOSED one only to its ACTIVE or INVITED members, facilitators and
// platform admins. What a community holds follows community_content_visible.
n.access IN ['OPEN', 'RESERVED']
OR ($viewerId IS NOT NULL
    AND (EXISTS { (n)<-[m:MEMBER_OF]-(:User {id: $viewerId}) WHERE m.status IN ['ACTIVE', 'INVITED'] }
         OR {{rule access/viewer_moderates}}))
