// Communities the viewer may see: OPEN ones (RESERVED and CLOSED ones stay with their members
// once sign-in exists).
n.access = 'OPEN'
