// Comments that answer no other comment: the top of a subject's threads.
NOT EXISTS { (n)-[:REPLY_TO]->(:Comment) }
