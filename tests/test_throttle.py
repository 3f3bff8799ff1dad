"""The login throttle on its own, with a clock the test moves."""

from __future__ import annotations

from app.throttle import Limits, LoginThrottle, account_key, client_key


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def throttle(clock: Clock, max_keys: int = 100) -> LoginThrottle:
    return LoginThrottle(Limits(3, 600, 30, 300), Limits(5, 600, 60, 300), clock=clock,
                         max_keys=max_keys)


def test_delays_start_after_the_limit_and_double_up_to_the_maximum() -> None:
    clock = Clock()
    limiter = throttle(clock)
    key = [account_key("a@example.org")]
    delays = []
    for _ in range(8):
        assert limiter.retry_after(key) == 0
        limiter.failed(key)
        delays.append(limiter.retry_after(key))
        clock.now += delays[-1]
    assert delays == [0, 0, 30, 60, 120, 240, 300, 300]


def test_a_success_clears_the_account_but_refunds_only_one_attempt_of_the_address() -> None:
    clock = Clock()
    limiter = throttle(clock)
    account, client = account_key("a@example.org"), client_key("10.0.0.1")
    for _ in range(4):
        limiter.failed([client])
    limiter.failed([account, client])  # the fifth failure of the address blocks it
    assert limiter.retry_after([client]) == 60
    limiter.succeeded(account)
    limiter.refund(client)  # the attempt counted ahead succeeded
    assert limiter.retry_after([account, client]) == 0
    limiter.failed([client])
    assert limiter.retry_after([client]) == 60


def test_a_window_without_failures_starts_the_count_again() -> None:
    clock = Clock()
    limiter = throttle(clock)
    key = [account_key("b@example.org")]
    limiter.failed(key)
    clock.now += 500
    limiter.failed(key)
    clock.now += 601
    limiter.failed(key)
    assert limiter.retry_after(key) == 0
    limiter.failed(key)
    limiter.failed(key)
    assert limiter.retry_after(key) == 30


def test_the_counts_stay_bounded() -> None:
    limiter = throttle(Clock(), max_keys=10)
    for n in range(50):
        limiter.failed([client_key(f"10.0.0.{n}")])
    assert len(limiter._failures) == 10
