// The status of expression of interest $id.
MATCH (e:ExpressionOfInterest {id: $id})
RETURN e.status AS status
