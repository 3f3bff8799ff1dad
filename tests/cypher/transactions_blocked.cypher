// The transactions waiting for a lock another one holds.
SHOW TRANSACTIONS YIELD transactionId, status
WHERE status STARTS WITH 'Blocked'
RETURN transactionId AS id
