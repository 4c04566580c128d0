// The marketplace on the network site (issue 7): one cart across co-ops, a checkout that places
// one order per co-op (all or none), and the marketplace order the customer follows.
export {};
