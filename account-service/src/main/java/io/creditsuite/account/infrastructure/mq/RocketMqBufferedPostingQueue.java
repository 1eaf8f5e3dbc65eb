package io.creditsuite.account.infrastructure.mq;

import io.creditsuite.account.application.BufferedPostingQueue;
import io.creditsuite.account.application.PostingCommand;
import io.creditsuite.account.domain.LedgerError;
import io.creditsuite.account.domain.LedgerException;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.apache.rocketmq.spring.support.RocketMQHeaders;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Buffered postings go to {@link BufferedPostingMessage#TOPIC}, KEYS = voucher, in the queue
 * chosen by the account id (orderly: one account's postings are consumed in order). A synchronous
 * send: the caller hears ACCEPTED only once the broker has the message.
 */
@Component
class RocketMqBufferedPostingQueue implements BufferedPostingQueue {
    private final RocketMQTemplate rocketMq;

    RocketMqBufferedPostingQueue(RocketMQTemplate rocketMq) {
        this.rocketMq = rocketMq;
    }

    @Override
    public void enqueue(PostingCommand command, long orderKey) {
        SendResult result;
        try {
            result = rocketMq.syncSendOrderly(BufferedPostingMessage.TOPIC,
                    MessageBuilder.withPayload(BufferedPostingMessage.of(command))
                            .setHeader(RocketMQHeaders.KEYS, command.posting().voucherNo()).build(),
                    String.valueOf(orderKey));
        } catch (MessagingException e) {
            // e.g. the broker's flow control ("broker busy"): not accepted, the caller may retry
            throw new LedgerException(LedgerError.LEDGER_BUSY, "the buffer queue did not take voucher "
                    + command.posting().voucherNo() + "; retry with the same voucher");
        }
        if (result.getSendStatus() != SendStatus.SEND_OK) {
            throw new LedgerException(LedgerError.LEDGER_BUSY, "the buffer queue did not take voucher "
                    + command.posting().voucherNo() + " (" + result.getSendStatus() + "); retry with the same voucher");
        }
    }
}
