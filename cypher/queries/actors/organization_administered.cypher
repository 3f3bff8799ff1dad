// Whether the viewer administers organization `n`: its admins and the platform admins, who
// change it and answer its pending memberships (requests and invitations).
{{rule access/viewer_administers_organization}} OR {{rule access/viewer_is_platform_admin}}
