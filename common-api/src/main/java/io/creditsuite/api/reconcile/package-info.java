/** reconcile-service's API: BCP (业务核对) discrepancies, their queries and the actions people take on them. */
package io.creditsuite.api.reconcile;
