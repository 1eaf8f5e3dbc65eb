package io.creditsuite.gateway.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class CachedBodyRequestTest {

    @Test
    void the_body_is_read_once_and_served_again_to_every_reader() throws IOException {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/loans");
        request.setContent("{\"a\":1}".getBytes());

        CachedBodyRequest cached = CachedBodyRequest.read(request, 100).orElseThrow();

        assertArrayEquals("{\"a\":1}".getBytes(), cached.getInputStream().readAllBytes());
        assertArrayEquals("{\"a\":1}".getBytes(), cached.getInputStream().readAllBytes());
        assertEquals("{\"a\":1}", cached.getReader().readLine());
        assertEquals(7, cached.getContentLength());
    }

    @Test
    void a_declared_length_over_the_limit_is_refused_without_reading_a_byte() throws IOException {
        AtomicLong read = new AtomicLong();
        MockHttpServletRequest request = streaming(read, 1 << 20);
        request.addHeader("Content-Length", String.valueOf(1 << 20));

        assertTrue(CachedBodyRequest.read(request, 64 * 1024).isEmpty());
        assertEquals(0, read.get());
    }

    @Test
    void a_chunked_body_over_the_limit_is_refused_after_reading_at_most_the_limit_plus_one_byte() throws IOException {
        AtomicLong read = new AtomicLong();
        MockHttpServletRequest request = streaming(read, 1 << 20);

        assertTrue(CachedBodyRequest.read(request, 64 * 1024).isEmpty());
        assertTrue(read.get() <= 64 * 1024 + 1 + 8192, "read " + read.get() + " bytes of a 1 MiB body");
    }

    /** A request whose 'size'-byte body is generated as it is read, without a Content-Length (chunked). */
    private static MockHttpServletRequest streaming(AtomicLong read, long size) {
        return new MockHttpServletRequest("POST", "/api/v1/loans") {
            @Override
            public ServletInputStream getInputStream() {
                return new ServletInputStream() {
                    @Override
                    public int read() {
                        return read.get() < size ? (int) (read.incrementAndGet() & 0x3f) + 32 : -1;
                    }

                    @Override
                    public boolean isFinished() {
                        return read.get() >= size;
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                    }
                };
            }

            @Override
            public long getContentLengthLong() {
                String header = getHeader("Content-Length");
                return header == null ? -1 : Long.parseLong(header);
            }
        };
    }
}
