// Record that a data set was loaded, with the fingerprint of what produced it.
MERGE (d:DataSet {name: $name})
SET d.fingerprint = $fingerprint, d.loadedAt = datetime()
