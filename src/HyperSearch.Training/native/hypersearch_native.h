// The C ABI of libhypersearch_native. Mirrored by Native/NativeMethods.cs; keep the two in step.
#pragma once
#include <stdint.h>

#ifdef __cplusplus
#define HS_API extern "C" __attribute__((visibility("default")))
#else
#define HS_API __attribute__((visibility("default")))
#endif

enum {
  HS_OK = 0,
  HS_ERR_ARGUMENT = 1,
  HS_ERR_DEVICE = 2,
  HS_ERR_STATE = 3,
  HS_ERR_TORCH = 4,
  HS_ERR_OUT_OF_MEMORY = 5,
  HS_ERR_UNKNOWN = 6,
};

enum { HS_LOSS_CROSS_ENTROPY = 0, HS_LOSS_MSE = 1 };

enum { HS_OPT_SGD = 0, HS_OPT_ADAM = 1, HS_OPT_ADAMW = 2, HS_OPT_RMSPROP = 3, HS_OPT_ADAGRAD = 4 };

/* Message of the last failed call on this thread; owned by the library, valid until the next call. */
HS_API const char* hs_last_error(void);
HS_API int32_t hs_cuda_device_count(int32_t* out_count);

/* arch "mlp": dims = in, hidden..., out. arch "cnn": dims = channels, height, width, classes,
   conv1 channels, conv2 channels, fc width. device "cpu" or "cuda:N". */
HS_API int32_t hs_model_create(const char* arch, const int64_t* dims, int32_t ndims, int32_t loss_kind,
                               const char* device, int64_t seed, int32_t threads, void** out_model);
HS_API void hs_model_free(void* model);
HS_API int32_t hs_model_layer_count(void* model, int32_t* out_count);

/* One param group per weight layer; fields that do not apply to the type are ignored. */
HS_API int32_t hs_set_optimizer(void* model, int32_t type, double lr, double momentum, int32_t nesterov,
                                double weight_decay, double beta1, double beta2, double eps, double alpha);
/* Layer i gets lr * multipliers[i] (1 where i >= count). */
HS_API int32_t hs_set_lr(void* model, double lr, const double* multipliers, int32_t count);
/* max_norm <= 0 clears clipping. */
// SGD on CPU uses a one-pass update that is bit-identical to torch::optim::SGD (on by default where
// supported); 0 switches back to libtorch's step. Call before the first batch. out_active may be null.
HS_API int32_t hs_set_fused_sgd(void* model, int32_t enabled, int32_t* out_active);
HS_API int32_t hs_set_grad_clip(void* model, double max_norm);

/* x: n * in_features floats; y: n int64 labels (cross-entropy) or n * out_features floats (MSE). */
HS_API int32_t hs_train_batch(void* model, const float* x, const void* y, int64_t n, double* out_loss);
/* Mean loss, and accuracy (cross-entropy) or R^2 (MSE), over n samples in chunks. */
HS_API int32_t hs_evaluate(void* model, const float* x, const void* y, int64_t n, int64_t chunk,
                           double* out_loss, double* out_metric);
