// HyperSearch's C ABI over libtorch. Coarse on purpose: one call trains one batch or evaluates a
// whole dataset, so the managed/native boundary costs nothing next to the math. Every function
// returns a status code; the message of the last failure on the calling thread is hs_last_error().
// Nothing throws across the boundary.
#include "hypersearch_native.h"

#include <torch/torch.h>

#include <dlfcn.h>
#include <immintrin.h>
#include <malloc.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

thread_local std::string last_error;

// A failure with a specific status code (argument, device, state) rather than a torch error.
struct HsError : std::runtime_error {
  int code;
  HsError(int c, const std::string& m) : std::runtime_error(m), code(c) {}
};

template <class F>
int guarded(F&& body) {
  try {
    body();
    return HS_OK;
  } catch (const HsError& e) {
    last_error = e.what();
    return e.code;
  } catch (const c10::OutOfMemoryError& e) {
    last_error = e.what_without_backtrace();
    return HS_ERR_OUT_OF_MEMORY;
  } catch (const c10::Error& e) {
    last_error = e.what_without_backtrace();
    return HS_ERR_TORCH;
  } catch (const std::exception& e) {
    last_error = e.what();
    return HS_ERR_TORCH;
  } catch (...) {
    last_error = "unknown native error";
    return HS_ERR_UNKNOWN;
  }
}

// Fewer page faults and steadier epochs: big activations stay on the heap instead of being
// mmapped and unmapped every batch (measured 16x fewer faults on the CNN).
void tune_allocator_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    mallopt(M_MMAP_THRESHOLD, 256 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 1024 * 1024 * 1024);
  });
}

// Debian's libtorch does its matrix products in OpenBLAS (pthread build), which ignores
// torch::set_num_threads and otherwise starts one thread per core: a "1 thread" slot then runs its
// GEMMs on every core, and the float results depend on the machine's core count. OpenBLAS's
// count is process-wide, so slots with different thread counts share the last one set.
void set_blas_threads(int threads) {
  using SetThreads = void (*)(int);
  static SetThreads set = [] {
    for (const char* lib : {"libopenblas.so.0", "libblas.so.3"}) {
      // Only a library libtorch already loaded: RTLD_NOLOAD never brings in a new one.
      if (void* handle = dlopen(lib, RTLD_LAZY | RTLD_NOLOAD)) {
        if (void* fn = dlsym(handle, "openblas_set_num_threads")) return reinterpret_cast<SetThreads>(fn);
      }
    }
    return static_cast<SetThreads>(nullptr);
  }();
  if (set != nullptr) set(threads);
}

// OpenMP's thread count is per calling thread, so it is set on whichever thread trains.
void ensure_threads(int threads) {
  thread_local int current = -1;
  if (threads > 0 && current != threads) {
    torch::set_num_threads(threads);
    set_blas_threads(threads);
    current = threads;
  }
}

// Plain SGD's update in one pass over memory instead of libtorch's three to four elementwise
// kernels (each a full read/write of the weights). It reproduces libtorch's arithmetic bit for bit:
// the same float roundings in the same order (mul then add for the momentum buffer, a fused
// multiply-add wherever ATen's add-with-alpha uses one); the library is built with
// -ffp-contract=off so the compiler cannot merge the separate roundings. Only used where
// ATen's kernels are AVX2/AVX-512 ones (which use FMA); see fused_sgd_supported().
struct SgdConsts {
  float momentum, weight_decay, neg_lr;
  bool nesterov;
  bool decay;  // from the double option, as libtorch tests it (a tiny decay can round to 0.0f)
};

template <bool Momentum, bool Nesterov, bool Decay, bool First>
__attribute__((target("avx2,fma"))) void sgd_kernel(float* p, float* buf, const float* g, int64_t n, SgdConsts c) {
  const __m256 vm = _mm256_set1_ps(c.momentum), vwd = _mm256_set1_ps(c.weight_decay), vlr = _mm256_set1_ps(c.neg_lr);
  int64_t i = 0;
  for (; i + 8 <= n; i += 8) {
    __m256 pv = _mm256_loadu_ps(p + i);
    __m256 d = _mm256_loadu_ps(g + i);
    if (Decay) d = _mm256_fmadd_ps(pv, vwd, d);                    // d_p.add(p, wd)
    if (Momentum) {
      __m256 b = First ? d : _mm256_add_ps(_mm256_mul_ps(_mm256_loadu_ps(buf + i), vm), d);  // buf.mul_(m).add_(d_p)
      _mm256_storeu_ps(buf + i, b);
      d = Nesterov ? _mm256_fmadd_ps(b, vm, d) : b;                 // d_p.add(buf, m) or buf
    }
    _mm256_storeu_ps(p + i, _mm256_fmadd_ps(d, vlr, pv));          // p.add_(d_p, -lr)
  }
  for (; i < n; ++i) {
    float d = g[i];
    if (Decay) d = std::fma(p[i], c.weight_decay, d);
    if (Momentum) {
      float b = d;
      if (!First) {
        float scaled = buf[i] * c.momentum;
        b = scaled + d;
      }
      buf[i] = b;
      d = Nesterov ? std::fma(b, c.momentum, d) : b;
    }
    p[i] = std::fma(d, c.neg_lr, p[i]);
  }
}

template <bool Momentum, bool Nesterov, bool Decay>
void sgd_dispatch_first(float* p, float* buf, const float* g, int64_t n, SgdConsts c, bool first) {
  if (first) sgd_kernel<Momentum, Nesterov, Decay, true>(p, buf, g, n, c);
  else sgd_kernel<Momentum, Nesterov, Decay, false>(p, buf, g, n, c);
}

void sgd_update(float* p, float* buf, const float* g, int64_t n, SgdConsts c, bool momentum, bool first) {
  bool decay = c.decay;
  if (!momentum) {
    if (decay) sgd_dispatch_first<false, false, true>(p, buf, g, n, c, false);
    else sgd_dispatch_first<false, false, false>(p, buf, g, n, c, false);
  } else if (c.nesterov) {
    if (decay) sgd_dispatch_first<true, true, true>(p, buf, g, n, c, first);
    else sgd_dispatch_first<true, true, false>(p, buf, g, n, c, first);
  } else {
    if (decay) sgd_dispatch_first<true, false, true>(p, buf, g, n, c, first);
    else sgd_dispatch_first<true, false, false>(p, buf, g, n, c, first);
  }
}

// ATen picks AVX2 or AVX-512 kernels (whose add-with-alpha is a fused multiply-add) on such
// CPUs; elsewhere its arithmetic differs, so libtorch's own optimizer runs there.
bool fused_sgd_supported() {
  static const bool ok = [] {
    const char* forced = std::getenv("ATEN_CPU_CAPABILITY");
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") &&
           !(forced != nullptr && std::strcmp(forced, "default") == 0);
  }();
  return ok;
}

// Either an MLP (dims = in, hidden..., out) or a small CNN
// (dims = channels, height, width, classes, conv1, conv2, fc): conv3x3-relu-maxpool twice, two fc.
struct Net : torch::nn::Module {
  bool cnn = false;
  int64_t channels = 0, height = 0, width = 0;
  std::vector<torch::nn::Conv2d> convs;
  std::vector<torch::nn::Linear> fcs;
  // Parameters of each weight layer, first layer first: one optimizer param group per layer.
  std::vector<std::vector<torch::Tensor>> layers;

  void add_conv(int64_t in, int64_t out) {
    convs.push_back(register_module("conv" + std::to_string(convs.size()),
                                    torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, 3).padding(1))));
  }

  void add_fc(int64_t in, int64_t out) {
    fcs.push_back(register_module("fc" + std::to_string(fcs.size()), torch::nn::Linear(in, out)));
  }

  // Called once the parameters live on their final device.
  void collect_layers() {
    layers.clear();
    for (auto& conv : convs) layers.push_back(conv->parameters());
    for (auto& fc : fcs) layers.push_back(fc->parameters());
  }

  torch::Tensor forward(torch::Tensor x) {
    if (cnn) {
      x = x.view({-1, channels, height, width});
      for (auto& conv : convs) x = torch::max_pool2d(torch::relu(conv->forward(x)), 2);
      x = x.flatten(1);
    }
    for (size_t i = 0; i < fcs.size(); ++i) {
      x = fcs[i]->forward(x);
      if (i + 1 < fcs.size()) x = torch::relu(x);
    }
    return x;
  }
};

struct Model {
  std::shared_ptr<Net> net;
  torch::Device device{torch::kCPU};
  int loss_kind = HS_LOSS_CROSS_ENTROPY;
  int64_t in_features = 0;
  int64_t out_features = 0;
  int threads = 1;
  double clip_norm = 0;
  std::vector<torch::Tensor> params;
  // Holds the param groups and their learning rates; for fused SGD its step() is not called.
  std::unique_ptr<torch::optim::Optimizer> optimizer;
  bool fused_sgd = false;
  bool fused_sgd_eligible = false;
  // Momentum buffers of fused SGD, by group then parameter; undefined until the first step.
  std::vector<std::vector<torch::Tensor>> momentum_buffers;
};

Model* as_model(void* handle) {
  if (handle == nullptr) throw HsError(HS_ERR_ARGUMENT, "model handle is null");
  return static_cast<Model*>(handle);
}

torch::Device parse_device(const char* text) {
  if (text == nullptr) throw HsError(HS_ERR_ARGUMENT, "device is null");
  torch::Device device{torch::kCPU};
  try {
    device = torch::Device(std::string(text));
  } catch (const c10::Error&) {
    throw HsError(HS_ERR_DEVICE, std::string("unknown device '") + text + "' (expected cpu or cuda:N)");
  }
  if (device.is_cpu()) return device;
  if (!device.is_cuda()) throw HsError(HS_ERR_DEVICE, std::string("unsupported device '") + text + "'");
  if (!torch::cuda::is_available())
    throw HsError(HS_ERR_DEVICE, std::string("device '") + text +
                                     "' requested but this libtorch has no CUDA support or no GPU is visible");
  int index = device.has_index() ? device.index() : 0;
  auto count = static_cast<int>(torch::cuda::device_count());
  if (index >= count)
    throw HsError(HS_ERR_DEVICE, std::string("device '") + text + "' does not exist (" + std::to_string(count) +
                                     " CUDA device(s) visible)");
  return torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(index));
}

std::shared_ptr<Net> build_net(const std::string& arch, const int64_t* dims, int32_t ndims, Model& m) {
  for (int32_t i = 0; i < ndims; ++i)
    if (dims[i] <= 0) throw HsError(HS_ERR_ARGUMENT, "model dimensions must be positive");
  auto net = std::make_shared<Net>();
  if (arch == "mlp") {
    if (ndims < 2) throw HsError(HS_ERR_ARGUMENT, "mlp needs at least input and output sizes");
    for (int32_t i = 0; i + 1 < ndims; ++i) net->add_fc(dims[i], dims[i + 1]);
    m.in_features = dims[0];
    m.out_features = dims[ndims - 1];
  } else if (arch == "cnn") {
    if (ndims != 7) throw HsError(HS_ERR_ARGUMENT, "cnn needs 7 dims: channels, height, width, classes, conv1, conv2, fc");
    net->cnn = true;
    net->channels = dims[0];
    net->height = dims[1];
    net->width = dims[2];
    if (dims[1] < 4 || dims[2] < 4) throw HsError(HS_ERR_ARGUMENT, "cnn input must be at least 4x4");
    net->add_conv(dims[0], dims[4]);
    net->add_conv(dims[4], dims[5]);
    net->add_fc(dims[5] * (dims[1] / 2 / 2) * (dims[2] / 2 / 2), dims[6]);
    net->add_fc(dims[6], dims[3]);
    m.in_features = dims[0] * dims[1] * dims[2];
    m.out_features = dims[3];
  } else {
    throw HsError(HS_ERR_ARGUMENT, "unknown architecture '" + arch + "' (expected mlp or cnn)");
  }
  return net;
}

torch::Tensor inputs(Model& m, const float* x, int64_t n) {
  auto t = torch::from_blob(const_cast<float*>(x), {n, m.in_features}, torch::kFloat32);
  // Zero-copy on CPU; one host-to-device copy on a GPU.
  return m.device.is_cpu() ? t : t.to(m.device);
}

torch::Tensor targets(Model& m, const void* y, int64_t n) {
  torch::Tensor t = m.loss_kind == HS_LOSS_CROSS_ENTROPY
                        ? torch::from_blob(const_cast<void*>(y), {n}, torch::kInt64)
                        : torch::from_blob(const_cast<void*>(y), {n, m.out_features}, torch::kFloat32);
  return m.device.is_cpu() ? t : t.to(m.device);
}

void check_batch(const float* x, const void* y, int64_t n) {
  if (x == nullptr || y == nullptr) throw HsError(HS_ERR_ARGUMENT, "inputs and targets must not be null");
  if (n <= 0) throw HsError(HS_ERR_ARGUMENT, "batch size must be positive");
}

}  // namespace

HS_API const char* hs_last_error(void) { return last_error.c_str(); }

HS_API int32_t hs_cuda_device_count(int32_t* out_count) {
  return guarded([&] {
    if (out_count == nullptr) throw HsError(HS_ERR_ARGUMENT, "out_count is null");
    *out_count = torch::cuda::is_available() ? static_cast<int32_t>(torch::cuda::device_count()) : 0;
  });
}

HS_API int32_t hs_model_create(const char* arch, const int64_t* dims, int32_t ndims, int32_t loss_kind,
                               const char* device, int64_t seed, int32_t threads, void** out_model) {
  return guarded([&] {
    if (arch == nullptr || dims == nullptr || out_model == nullptr) throw HsError(HS_ERR_ARGUMENT, "null argument");
    if (loss_kind != HS_LOSS_CROSS_ENTROPY && loss_kind != HS_LOSS_MSE)
      throw HsError(HS_ERR_ARGUMENT, "unknown loss kind " + std::to_string(loss_kind));
    if (threads < 1) throw HsError(HS_ERR_ARGUMENT, "threads must be at least 1");
    tune_allocator_once();
    auto model = std::make_unique<Model>();
    model->device = parse_device(device);
    model->loss_kind = loss_kind;
    model->threads = threads;
    {
      // The default generator is process-wide: hold it while seeding and initialising weights
      // so that trials created concurrently still get exactly their seed's weights.
      static std::mutex seed_mutex;
      std::lock_guard<std::mutex> lock(seed_mutex);
      torch::manual_seed(static_cast<uint64_t>(seed));
      model->net = build_net(arch, dims, ndims, *model);
    }
    model->net->to(model->device);
    model->net->collect_layers();
    model->params = model->net->parameters();
    *out_model = model.release();
  });
}

HS_API void hs_model_free(void* model) { delete static_cast<Model*>(model); }

HS_API int32_t hs_model_layer_count(void* model, int32_t* out_count) {
  return guarded([&] {
    if (out_count == nullptr) throw HsError(HS_ERR_ARGUMENT, "out_count is null");
    *out_count = static_cast<int32_t>(as_model(model)->net->layers.size());
  });
}

HS_API int32_t hs_set_optimizer(void* model, int32_t type, double lr, double momentum, int32_t nesterov,
                                double weight_decay, double beta1, double beta2, double eps, double alpha) {
  return guarded([&] {
    auto* m = as_model(model);
    std::vector<torch::optim::OptimizerParamGroup> groups;
    for (auto& layer : m->net->layers) groups.emplace_back(layer);
    namespace optim = torch::optim;
    switch (type) {
      case HS_OPT_SGD:
        m->optimizer = std::make_unique<optim::SGD>(
            groups, optim::SGDOptions(lr).momentum(momentum).nesterov(nesterov != 0).weight_decay(weight_decay));
        break;
      case HS_OPT_ADAM:
        m->optimizer = std::make_unique<optim::Adam>(
            groups, optim::AdamOptions(lr).betas({beta1, beta2}).eps(eps).weight_decay(weight_decay));
        break;
      case HS_OPT_ADAMW:
        m->optimizer = std::make_unique<optim::AdamW>(
            groups, optim::AdamWOptions(lr).betas({beta1, beta2}).eps(eps).weight_decay(weight_decay));
        break;
      case HS_OPT_RMSPROP:
        m->optimizer = std::make_unique<optim::RMSprop>(
            groups, optim::RMSpropOptions(lr).alpha(alpha).eps(eps).momentum(momentum).weight_decay(weight_decay));
        break;
      case HS_OPT_ADAGRAD:
        m->optimizer = std::make_unique<optim::Adagrad>(
            groups, optim::AdagradOptions(lr).eps(eps).weight_decay(weight_decay));
        break;
      default:
        throw HsError(HS_ERR_ARGUMENT, "unknown optimizer type " + std::to_string(type));
    }
    bool plain_params = std::all_of(m->params.begin(), m->params.end(), [](const torch::Tensor& p) {
      return p.is_contiguous() && p.scalar_type() == torch::kFloat32;
    });
    m->fused_sgd_eligible = type == HS_OPT_SGD && m->device.is_cpu() && plain_params && fused_sgd_supported();
    m->fused_sgd = m->fused_sgd_eligible;
    m->momentum_buffers.assign(m->net->layers.size(), {});
    for (size_t i = 0; i < m->net->layers.size(); ++i) m->momentum_buffers[i].resize(m->net->layers[i].size());
  });
}

HS_API int32_t hs_set_lr(void* model, double lr, const double* multipliers, int32_t count) {
  return guarded([&] {
    auto* m = as_model(model);
    if (!m->optimizer) throw HsError(HS_ERR_STATE, "set an optimizer before the learning rate");
    auto& groups = m->optimizer->param_groups();
    for (size_t i = 0; i < groups.size(); ++i) {
      double factor = (multipliers != nullptr && static_cast<int32_t>(i) < count) ? multipliers[i] : 1.0;
      groups[i].options().set_lr(lr * factor);
    }
  });
}

namespace {

// torch::optim::SGD::step() with the per-parameter work done by sgd_update().
void fused_sgd_step(Model& m) {
  auto& groups = m.optimizer->param_groups();
  for (size_t gi = 0; gi < groups.size(); ++gi) {
    auto& options = static_cast<torch::optim::SGDOptions&>(groups[gi].options());
    SgdConsts c{static_cast<float>(options.momentum()), static_cast<float>(options.weight_decay()),
                static_cast<float>(-1 * options.lr()), options.nesterov(), options.weight_decay() != 0};
    bool momentum = options.momentum() != 0;
    auto& params = groups[gi].params();
    auto& buffers = m.momentum_buffers[gi];
    for (size_t pi = 0; pi < params.size(); ++pi) {
      auto& p = params[pi];
      if (!p.grad().defined()) continue;
      // Gradients follow their parameter's (contiguous, float32) layout; contiguous() is a no-op then.
      auto grad = p.grad().contiguous();
      bool first = momentum && !buffers[pi].defined();
      if (first) buffers[pi] = torch::empty_like(p, torch::MemoryFormat::Contiguous);
      float* buf = momentum ? buffers[pi].data_ptr<float>() : nullptr;
      sgd_update(p.data_ptr<float>(), buf, grad.data_ptr<float>(), p.numel(), c, momentum, first);
    }
  }
}

}  // namespace

HS_API int32_t hs_set_fused_sgd(void* model, int32_t enabled, int32_t* out_active) {
  return guarded([&] {
    auto* m = as_model(model);
    if (!m->optimizer) throw HsError(HS_ERR_STATE, "set an optimizer before choosing its step");
    // Momentum buffers live on one side only, so the choice is made before the first step.
    for (auto& group : m->momentum_buffers)
      for (auto& buf : group)
        if (buf.defined()) throw HsError(HS_ERR_STATE, "the SGD step can only be chosen before training");
    m->fused_sgd = enabled != 0 && m->fused_sgd_eligible;
    if (out_active != nullptr) *out_active = m->fused_sgd ? 1 : 0;
  });
}

HS_API int32_t hs_set_grad_clip(void* model, double max_norm) {
  return guarded([&] { as_model(model)->clip_norm = max_norm > 0 ? max_norm : 0; });
}

HS_API int32_t hs_train_batch(void* model, const float* x, const void* y, int64_t n, double* out_loss) {
  return guarded([&] {
    auto* m = as_model(model);
    check_batch(x, y, n);
    if (out_loss == nullptr) throw HsError(HS_ERR_ARGUMENT, "out_loss is null");
    if (!m->optimizer) throw HsError(HS_ERR_STATE, "set an optimizer before training");
    ensure_threads(m->threads);
    auto xt = inputs(*m, x, n);
    auto yt = targets(*m, y, n);
    if (!m->net->is_training()) m->net->train();
    // set_to_none: backward writes fresh gradients instead of zeroing and accumulating into old ones.
    // Done over the cached parameter list: Module::zero_grad builds name->tensor maps every call.
    for (auto& p : m->params) p.mutable_grad().reset();
    auto out = m->net->forward(xt);
    auto loss = m->loss_kind == HS_LOSS_CROSS_ENTROPY ? torch::nn::functional::cross_entropy(out, yt)
                                                      : torch::mse_loss(out, yt);
    loss.backward();
    if (m->clip_norm > 0) torch::nn::utils::clip_grad_norm_(m->params, m->clip_norm);
    if (m->fused_sgd) {
      torch::NoGradGuard no_grad;
      fused_sgd_step(*m);
    } else {
      m->optimizer->step();
    }
    *out_loss = loss.item<double>();
  });
}

HS_API int32_t hs_evaluate(void* model, const float* x, const void* y, int64_t n, int64_t chunk, double* out_loss,
                           double* out_metric) {
  return guarded([&] {
    auto* m = as_model(model);
    check_batch(x, y, n);
    if (out_loss == nullptr || out_metric == nullptr) throw HsError(HS_ERR_ARGUMENT, "outputs are null");
    if (chunk <= 0) chunk = n;
    ensure_threads(m->threads);
    torch::InferenceMode no_autograd;
    if (m->net->is_training()) m->net->eval();
    auto xt_all = inputs(*m, x, n);
    auto yt_all = targets(*m, y, n);
    double loss_sum = 0, correct = 0;
    // Regression metric is R^2 = 1 - SSE/SST, accumulated per output column.
    auto y_sum = torch::zeros({m->out_features}, torch::kFloat64);
    auto y_sq = torch::zeros({m->out_features}, torch::kFloat64);
    for (int64_t start = 0; start < n; start += chunk) {
      int64_t len = std::min(chunk, n - start);
      auto xt = xt_all.narrow(0, start, len);
      auto yt = yt_all.narrow(0, start, len);
      auto out = m->net->forward(xt);
      if (m->loss_kind == HS_LOSS_CROSS_ENTROPY) {
        loss_sum += torch::nn::functional::cross_entropy(
                        out, yt, torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum))
                        .item<double>();
        correct += out.argmax(1).eq(yt).sum().item<double>();
      } else {
        loss_sum += torch::mse_loss(out, yt, at::Reduction::Sum).item<double>();
        auto yd = yt.to(torch::kCPU, torch::kFloat64);
        y_sum += yd.sum(0);
        y_sq += yd.square().sum(0);
      }
    }
    if (m->loss_kind == HS_LOSS_CROSS_ENTROPY) {
      *out_loss = loss_sum / static_cast<double>(n);
      *out_metric = correct / static_cast<double>(n);
    } else {
      double sst = (y_sq - y_sum.square() / static_cast<double>(n)).sum().item<double>();
      *out_loss = loss_sum / static_cast<double>(n * m->out_features);
      *out_metric = sst > 0 ? 1.0 - loss_sum / sst : std::nan("");
    }
  });
}
