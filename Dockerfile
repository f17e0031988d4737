# Build a static binary, then run it in a minimal image as a non-root user.
FROM golang:1.26.8-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/shortlist ./cmd/shortlist \
    && mkdir -p /out/data

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/shortlist /usr/local/bin/shortlist
COPY --from=build --chown=65532:65532 /out/data /data
ENV SHORTLIST_ADDR=:8080 SHORTLIST_DATA_DIR=/data
VOLUME /data
WORKDIR /data
EXPOSE 8080
USER nonroot:nonroot
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
    CMD ["/usr/local/bin/shortlist", "healthcheck"]
ENTRYPOINT ["/usr/local/bin/shortlist"]
CMD ["serve"]
