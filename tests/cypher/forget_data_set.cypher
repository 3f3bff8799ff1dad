// Remove a test's data set record.
MATCH (d:DataSet {name: $name})
DELETE d
