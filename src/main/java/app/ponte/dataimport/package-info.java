/**
 * CSV import of history (spec: import.md): users, leads, status changes, interactions, handoffs,
 * purchases and spend, through the admin page and {@code POST /api/import/{kind}}. One file is
 * one transaction: all of it or nothing, every bad row reported (the first 100). The rows go
 * through each feature's service, which checks them as it checks live input.
 */
package app.ponte.dataimport;
