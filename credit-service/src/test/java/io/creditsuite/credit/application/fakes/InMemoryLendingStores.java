package io.creditsuite.credit.application.fakes;

import io.creditsuite.credit.domain.lending.LendingPartner;
import io.creditsuite.credit.domain.lending.Loan;
import io.creditsuite.credit.domain.lending.LoanRepository;
import io.creditsuite.credit.domain.lending.LoanState;
import io.creditsuite.credit.domain.lending.PartnerCustomer;
import io.creditsuite.credit.domain.lending.PartnerCustomerRepository;
import io.creditsuite.credit.domain.lending.PartnerRepository;
import io.creditsuite.credit.domain.lending.Repayment;
import io.creditsuite.credit.domain.lending.RepaymentRepository;
import io.creditsuite.credit.domain.lending.RepaymentState;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** In-memory lending repositories with the unique keys of V55 (partner + request id, partner + reference). */
public final class InMemoryLendingStores {
    private InMemoryLendingStores() {
    }

    public static final class Loans implements LoanRepository {
        public final Map<String, Loan> rows = new LinkedHashMap<>();

        @Override
        public synchronized boolean insert(Loan loan) {
            if (byPartnerRequest(loan.partnerId(), loan.origin().requestId()).isPresent()) {
                return false;
            }
            rows.put(loan.loanId(), loan);
            return true;
        }

        @Override
        public synchronized Optional<Loan> byId(String loanId) {
            return Optional.ofNullable(rows.get(loanId));
        }

        @Override
        public synchronized Optional<Loan> byPartnerRequest(String partnerId, String requestId) {
            return rows.values().stream().filter(l -> l.partnerId().equals(partnerId)
                    && l.origin().requestId().equals(requestId)).findFirst();
        }

        @Override
        public Optional<Loan> lock(String loanId) {
            return byId(loanId);
        }

        @Override
        public synchronized boolean update(Loan loan, LoanState expected) {
            Loan stored = rows.get(loan.loanId());
            if (stored == null || stored.status() != expected) {
                return false;
            }
            rows.put(loan.loanId(), loan);
            return true;
        }

        @Override
        public synchronized List<Loan> inState(LoanState state, Instant before, int limit) {
            return rows.values().stream().filter(l -> l.status() == state && l.createdAt().isBefore(before))
                    .sorted(Comparator.comparing(Loan::createdAt)).limit(limit).toList();
        }
    }

    public static final class Repayments implements RepaymentRepository {
        public final Map<String, Repayment> rows = new LinkedHashMap<>();

        @Override
        public synchronized boolean insert(Repayment r) {
            if (byPartnerRequest(r.origin().partnerId(), r.origin().requestId()).isPresent()) {
                return false;
            }
            rows.put(r.repaymentId(), r);
            return true;
        }

        @Override
        public synchronized Optional<Repayment> byId(String repaymentId) {
            return Optional.ofNullable(rows.get(repaymentId));
        }

        @Override
        public synchronized Optional<Repayment> byPartnerRequest(String partnerId, String requestId) {
            return rows.values().stream().filter(r -> r.origin().partnerId().equals(partnerId)
                    && r.origin().requestId().equals(requestId)).findFirst();
        }

        @Override
        public synchronized List<Repayment> ofLoan(String loanId) {
            return rows.values().stream().filter(r -> r.loanId().equals(loanId))
                    .sorted(Comparator.comparingInt(Repayment::seq)).toList();
        }

        @Override
        public synchronized boolean settle(Repayment r) {
            Repayment stored = rows.get(r.repaymentId());
            if (stored == null || stored.status() != RepaymentState.PENDING) {
                return false;
            }
            rows.put(r.repaymentId(), r);
            return true;
        }

        @Override
        public synchronized List<Repayment> pending(Instant before, int limit) {
            return rows.values().stream().filter(r -> r.status() == RepaymentState.PENDING
                    && r.createdAt().isBefore(before)).limit(limit).toList();
        }
    }

    public static final class Partners implements PartnerRepository {
        private final Map<String, LendingPartner> rows = new LinkedHashMap<>();

        @Override
        public synchronized boolean insert(LendingPartner partner) {
            return rows.putIfAbsent(partner.partnerId(), partner) == null;
        }

        @Override
        public synchronized Optional<LendingPartner> byId(String partnerId) {
            return Optional.ofNullable(rows.get(partnerId));
        }
    }

    public static final class Customers implements PartnerCustomerRepository {
        public final Map<String, PartnerCustomer> rows = new LinkedHashMap<>();

        @Override
        public synchronized boolean insert(PartnerCustomer c) {
            if (byReference(c.partnerId(), c.partnerCustomerRef()).isPresent()) {
                return false;
            }
            rows.put(c.customerId(), c);
            return true;
        }

        @Override
        public synchronized Optional<PartnerCustomer> byId(String customerId) {
            return Optional.ofNullable(rows.get(customerId));
        }

        @Override
        public synchronized Optional<PartnerCustomer> byReference(String partnerId, String ref) {
            return rows.values().stream().filter(c -> c.partnerId().equals(partnerId)
                    && c.partnerCustomerRef().equals(ref)).findFirst();
        }

        @Override
        public synchronized boolean attachLoanAccount(String customerId, long loanAccountId) {
            PartnerCustomer c = rows.get(customerId);
            if (c == null || c.loanAccountId() != null) {
                return false;
            }
            rows.put(customerId, new PartnerCustomer(c.customerId(), c.partnerId(), c.partnerCustomerRef(), c.name(),
                    c.department(), c.bodyHash(), loanAccountId, c.onboardedAt()));
            return true;
        }
    }
}
