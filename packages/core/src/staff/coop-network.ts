// Staff acting for a co-op in the ศพก. network: link decisions, joint meetings, centre import (filled in by the network work).
export {};
