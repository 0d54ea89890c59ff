package com.nusomi.recorder.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** How many events of an append were new and how many were already stored (same id). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppendEventsResult(int accepted, int duplicates) {}
