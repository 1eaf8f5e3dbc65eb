package io.creditsuite.api.credit;

/** Whole-line maintenance: freeze and unfreeze (冻结/解冻), clear and restore (清零/清零恢复). */
public enum LineAction { FREEZE, UNFREEZE, CLEAR, RESTORE }
