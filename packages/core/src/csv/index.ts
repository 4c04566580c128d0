// RFC 4180 CSV writing shared by the open-data exports and the staff reports (moved here by the reports work).
export {};
