package io.creditsuite.api.credit;

import io.creditsuite.api.error.ApiException;
import java.util.List;

/** Holds, uses, disbursements and returns on credit lines; each idempotent by request id. */
public interface CreditLimitService {
    LimitOperationResult freeze(FreezeRequest request) throws ApiException;

    LimitOperationResult unfreeze(UnfreezeRequest request) throws ApiException;

    LimitOperationResult use(UseRequest request) throws ApiException;

    LimitOperationResult useDirect(DirectUseRequest request) throws ApiException;

    LimitOperationResult disburse(DisburseRequest request) throws ApiException;

    /** 归还 ({@code return} is a Java keyword). */
    LimitOperationResult repay(ReturnRequest request) throws ApiException;

    List<LimitNodeView> nodeTree(NodeTreeQuery query) throws ApiException;
}
