package io.creditsuite.api.credit;

/** What a node-tree query selects by: a customer (as holder or grantor), a line, a customer group, a department. */
public enum NodeScope { CUSTOMER, LINE, GROUP, DEPARTMENT }
