// Filter of the S3 areas connection, as Conditions (schema/loading.py): one programming
// period when given, else both.
n.period = $period
