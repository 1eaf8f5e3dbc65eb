package io.creditsuite.gateway.domain.partner;

/**
 * What a partner's key may do. The route table of the signature filter maps each partner endpoint to one scope:
 * <pre>
 *   POST /api/v1/customers                    CUSTOMERS_WRITE
 *   GET  /api/v1/customers/**                 CUSTOMERS_READ
 *   POST /api/v1/loans, /api/v1/loans/{id}/repayments   LOANS_WRITE
 *   GET  /api/v1/loans/**                     LOANS_READ
 *   POST /api/v1/holds, /api/v1/holds/**      HOLDS_WRITE
 *   POST, GET /api/v1/credit-applications/**  APPLICATIONS
 * </pre>
 */
public enum PartnerScope { CUSTOMERS_READ, CUSTOMERS_WRITE, LOANS_READ, LOANS_WRITE, HOLDS_WRITE, APPLICATIONS }
