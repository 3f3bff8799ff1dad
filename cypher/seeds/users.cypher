// Upsert users by id; `handleKey` is the handle lower-cased (unique, see migration 0012).
UNWIND $rows AS row
MERGE (u:User {id: row.id})
SET u.handle = row.handle, u.handleKey = toLower(row.handle), u.email = row.email,
    u.emailKey = row.emailKey, u.displayName = row.displayName, u.headline = row.headline,
    u.bio = row.bio, u.locale = row.locale, u.province = row.province,
    u.createdAt = datetime(row.createdAt)
RETURN count(*) AS written
