package io.creditsuite.approval.domain.check;

/**
 * One explained result of the automatic checks, stored with the application.
 *
 * @param kind    BLACKLIST, RULE or SCORE
 * @param code    the list entry, rule or characteristic, e.g. "BL-17", "R-AGE", "AGE"
 * @param detail  why, in words, e.g. "ID card matches entry BL-17 (fraud)", "age 19 in bin [18, 25): 20 points"
 * @param outcome HIT / PASS / REJECT / REVIEW for lists and rules; the points for a scorecard characteristic
 */
public record CheckFinding(String kind, String code, String detail, String outcome) {
}
