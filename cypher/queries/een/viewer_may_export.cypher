// Whether the viewer may export the proposals marked for international dissemination:
// facilitators (platform admins included).
RETURN {{rule access/viewer_is_facilitator}} AS allowed
