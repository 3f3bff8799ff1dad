// Whether the viewer may see the private side of project `n` (its budget lines and the totals
// made from them, its documents): the people working on it, the members of its partner
// organizations, and platform admins.
$viewerId IS NOT NULL
AND (EXISTS { (n)<-[:WORKS_ON]-(:User {id: $viewerId}) }
     OR EXISTS { (n)<-[:PARTNER_IN]-(:Organization)<-[:MEMBER_OF]-(:User {id: $viewerId}) }
     OR {{rule access/viewer_is_platform_admin}})
