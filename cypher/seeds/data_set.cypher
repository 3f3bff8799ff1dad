// The recorded fingerprint of a loaded data set, if any.
MATCH (d:DataSet {name: $name})
RETURN d.fingerprint AS fingerprint
