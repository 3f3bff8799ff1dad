// Relationships that a degree count would count wrongly: for each rule, those of `type` that end
// at a node labelled `on` and start at a node without the label `from`.
UNWIND $rules AS rule
OPTIONAL MATCH (n)<-[r]-(m)
  WHERE type(r) = rule.type AND rule.on IN labels(n) AND NOT rule.from IN labels(m)
RETURN rule.type AS type, rule.on AS on, count(r) AS strays
