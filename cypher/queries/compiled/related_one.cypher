// Compiled execution (schema/compiled): the single node `n` related to the node `{{parent}}` of
// the level above (a to-one relationship), or null when there is none or the viewer may not
// see it, as the map `{{slot}}`; the reading of common/related_one for one parent, projecting
// only the selected `entries`. `parent`, `pattern`, `condition`, `entries`, `slot` and the
// `subqueries` of the level below are fixed by the code; every value is a parameter.
CALL ({{parent}}) {
  WITH {{parent}} AS p
  OPTIONAL MATCH {{pattern}}
  WHERE {{condition}}
  WITH n LIMIT 1
  {{subqueries}}
  RETURN n { {{entries}} } AS {{slot}}
}
