package io.creditsuite.credit.infrastructure.rpc;

import io.creditsuite.api.credit.BusinessTypeCapRequest;
import io.creditsuite.api.credit.CreditWarningService;
import io.creditsuite.api.credit.RepaymentDueRequest;
import io.creditsuite.api.credit.WarningQuery;
import io.creditsuite.api.credit.WarningScanResult;
import io.creditsuite.api.credit.WarningView;
import io.creditsuite.credit.application.PublishWarningsHandler;
import io.creditsuite.credit.application.RaiseWarningsHandler;
import io.creditsuite.credit.application.WarningInputsHandler;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboService;

@DubboService(timeout = 60_000)
public class CreditWarningProvider implements CreditWarningService {
    private final RaiseWarningsHandler raise;
    private final PublishWarningsHandler publish;
    private final WarningInputsHandler inputs;

    public CreditWarningProvider(RaiseWarningsHandler raise, PublishWarningsHandler publish, WarningInputsHandler inputs) {
        this.raise = raise;
        this.publish = publish;
        this.inputs = inputs;
    }

    @Override
    public WarningScanResult scan() {
        List<WarningView> raised = raise.handle();
        return new WarningScanResult(raised, publish.handle());
    }

    @Override
    public void recordRepaymentDue(RepaymentDueRequest request) {
        inputs.recordDue(request);
    }

    @Override
    public void setBusinessTypeCap(BusinessTypeCapRequest request) {
        inputs.setCap(request);
    }

    @Override
    public List<WarningView> warnings(WarningQuery query) {
        return inputs.query(query);
    }
}
