// The transactions running a statement given `$sought` as its `marker` parameter (this one has
// no `marker`, so it never finds itself).
SHOW TRANSACTIONS YIELD transactionId, parameters
WHERE parameters.marker = $sought
RETURN transactionId AS id
