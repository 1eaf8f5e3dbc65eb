package io.creditsuite.api.credit;

import java.io.Serializable;

/** 解冻: releases everything still frozen in hold {@code holdId}. */
public record UnfreezeRequest(String requestId, String holdId) implements Serializable {
}
