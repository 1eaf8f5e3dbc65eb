package io.creditsuite.gateway.domain.callback;

/** A callback delivery's state: PENDING until a 2xx (DELIVERED) or the last attempt failed (GAVE_UP). */
public enum CallbackStatus { PENDING, DELIVERED, GAVE_UP }
