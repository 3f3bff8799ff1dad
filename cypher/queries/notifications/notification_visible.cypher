// A notification is visible to the person it is for, and to nobody else.
EXISTS { (n)-[:FOR]->(:User {id: $viewerId}) }
